import { h } from '../dom';
import { t } from '../i18n';

/** The product's picture, or a calm tile with its initial when it has none (or it fails to load). */
export function productImage(imageUrl: string | null, name: string): HTMLElement {
  const placeholder = () => h('div', { class: 'product-image placeholder', 'aria-hidden': 'true', title: t().placeholderImage }, name.slice(0, 1).toUpperCase());
  if (!imageUrl) return placeholder();
  const image = h('img', { class: 'product-image', src: imageUrl, alt: '', loading: 'lazy', decoding: 'async', width: 96, height: 96 });
  image.addEventListener('error', () => image.replaceWith(placeholder()), { once: true });
  return image;
}

import { escapeHtml } from './template-renderer';

/** Where `{{qrCode}}` stands in the HTML part until the layout puts the image there. */
export const QR_MARK = '\uE000qr\uE000';
/** Content-ID of the QR image attached to the e-mail. */
export const QR_CID = 'pickup-qr@kassa';

const URL = /\bhttps?:\/\/[^\s<]+/g;

/**
 * The HTML part of every e-mail: the template's text (already HTML-escaped) in paragraphs, links
 * made clickable, the QR code where the template put `{{qrCode}}`, in one plain, narrow layout
 * that mail clients render alike.
 */
export function emailHtml(input: { readonly lang: string; readonly subject: string; readonly escapedBody: string; readonly heading: string; readonly footer: string; readonly qrAlt: string; readonly qrSrc?: string }): string {
  const qr = `<img src="${input.qrSrc ?? `cid:${QR_CID}`}" alt="${escapeHtml(input.qrAlt)}" width="180" height="180" style="display:block;margin:8px auto;border:0">`;
  const paragraphs = input.escapedBody
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) =>
      p === QR_MARK
        ? `<div style="text-align:center">${qr}</div>`
        : `<p style="margin:0 0 16px">${p.replace(URL, (url) => `<a href="${url}" style="color:#1a5fb4">${url}</a>`).split('\n').join('<br>\n').replaceAll(QR_MARK, qr)}</p>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(input.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f2">
<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1d1d1b">
<h1 style="font-size:20px;margin:0 0 20px">${escapeHtml(input.heading)}</h1>
${paragraphs}
<p style="margin:24px 0 0;font-size:12px;color:#6b6b66">${escapeHtml(input.footer)}</p>
</div>
</body>
</html>
`;
}

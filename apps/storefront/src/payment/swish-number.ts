// The payer's Swedish mobile number for Swish by number (e-commerce): checked and shown masked here,
// normalised by the api.

const MOBILE = /^(?:\+46|0046|46|0)(7\d{8})$/;
const STORAGE_PREFIX = 'kassa.storefront.swish-payer.';

/** `070-123 45 67`, `+46 70 123 45 67` → `0701234567`; null when it is not a Swedish mobile number. */
export function swedishMobile(typed: string): string | null {
  const match = MOBILE.exec(typed.replace(/[\s\-()]/g, ''));
  return match ? `0${match[1]}` : null;
}

/** `070 *** ** 67`: enough for the customer to recognise their phone on a shared screen. */
export function maskedMobile(national: string): string {
  return `${national.slice(0, 3)} *** ** ${national.slice(-2)}`;
}

/** The masked number the payment request went to, for the status page of this order (this tab only). */
export function rememberSwishPayer(orderId: string, national: string): void {
  sessionStorage.setItem(`${STORAGE_PREFIX}${orderId}`, maskedMobile(national));
}

export function swishPayerOf(orderId: string): string | null {
  return sessionStorage.getItem(`${STORAGE_PREFIX}${orderId}`);
}

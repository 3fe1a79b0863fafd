const MAX_LENGTH = 11;
const FALLBACK = 'Kassa';

/**
 * An SMS's alphanumeric sender: at most 11 characters from A–Z, a–z and 0–9 (what carriers
 * accept everywhere), made from the store's name by whole words where they fit:
 * "Kassa Demo Café" → "KassaDemo", "Café Åre" → "CafeAre".
 */
export function smsSenderName(storeName: string): string {
  const words = storeName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  let sender = '';
  for (const word of words) {
    if (sender.length + word.length > MAX_LENGTH) break;
    sender += word;
  }
  if (sender === '' && words.length > 0) sender = words[0].slice(0, MAX_LENGTH);
  // Too short for carriers, or all digits (it would read as a phone number).
  return sender.length < 2 || /^\d+$/.test(sender) ? FALLBACK : sender;
}

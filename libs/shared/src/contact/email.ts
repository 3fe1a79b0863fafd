const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;

// Characters that only appear in quoted local parts nobody types; seeing one is almost always a slip.
const LOCAL_PART = /^[^\s\p{Cc}@"(),:;<>[\\\]]+$/u;
// A domain label: ASCII letters, digits and hyphens, or letters of any script (IDN), no edge hyphen.
const DOMAIN_LABEL = /^(?!-)[a-z0-9\p{L}\p{M}-]{1,63}(?<!-)$/iu;

/** Pragmatic e-mail check: what a person would type for their own address, without quoting, comments or IP literals. */
export function isEmailAddress(input: string): boolean {
  if (typeof input !== 'string' || input.length > MAX_ADDRESS) return false;
  const parts = input.split('@');
  if (parts.length !== 2) return false;
  const [local, domain] = parts;
  return isLocalPart(local) && isDomain(domain);
}

/** Masks for lists: 'a***@example.se'. */
export function maskEmail(email: string): string {
  const at = typeof email === 'string' ? email.lastIndexOf('@') : -1;
  if (at < 1) return '***';
  const [first] = Array.from(email.slice(0, at));
  return `${first}***${email.slice(at)}`;
}

function isLocalPart(local: string): boolean {
  if (local.length === 0 || local.length > MAX_LOCAL || !LOCAL_PART.test(local)) return false;
  return !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  // An all-digit top level is an IP address, not a domain.
  return !/^\d+$/.test(labels[labels.length - 1]);
}

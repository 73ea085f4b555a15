// Telephone numbers as links a phone can dial (`tel:`): 「0532-83185761、83185762转8001」 is
// two numbers; an extension (转) becomes a pause so the phone dials it after connecting.

export interface PhoneLink {
  text: string;
  /** The tel: URI, or null when the text holds too few digits to dial. */
  href: string | null;
}

/** Splits the registered text into the numbers it lists, each with its tel: link. */
export function phoneLinks(phone: string): PhoneLink[] {
  return phone
    .split(/[、,，;；/]/u)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((text) => ({ text, href: telHref(text) }));
}

export function telHref(text: string): string | null {
  const [main = '', ext] = text.split(/转|ext\.?|-?分机/iu);
  const digits = main.replace(/[^\d+]/gu, '').replace(/(?!^)\+/gu, '');
  if (digits.replace(/\D/gu, '').length < 5) return null;
  const extension = ext?.replace(/\D/gu, '') ?? '';
  return `tel:${digits}${extension ? `,${extension}` : ''}`;
}

/** A tel: link from a phone number as written ("04 67 22 80 00" → "tel:0467228000"). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

export const mailtoHref = (email: string) => `mailto:${email}`;

const text = {
  document: (title: string) =>
    `Voici le document « ${title} » de la Région. Vous pouvez le lire ou le télécharger, sans créer de compte, à cette adresse :`,
  scheme: (title: string) =>
    `Voici la page du dispositif « ${title} » de la Région : qui peut en bénéficier, comment déposer une demande et ses documents, à lire sans créer de compte à cette adresse :`,
  body: (intro: string, url: string) => ['Bonjour,', '', intro, '', url, '', 'Bonne lecture,'].join('\r\n'),
};

/** A mailto: link with the title as subject and the public link in a French body (RFC 6068 line breaks). */
export function shareMailto(title: string, url: string, kind: 'document' | 'scheme' = 'document'): string {
  return `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(text.body(text[kind](title), url))}`;
}

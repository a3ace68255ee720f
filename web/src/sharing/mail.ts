const text = {
  body: (title: string, url: string) =>
    [
      'Bonjour,',
      '',
      `Voici le document « ${title} » de la Région. Vous pouvez le lire ou le télécharger, sans créer de compte, à cette adresse :`,
      '',
      url,
      '',
      'Bonne lecture,',
    ].join('\r\n'),
};

/** A mailto: link with the document's title as subject and the public link in a French body (RFC 6068 line breaks). */
export function shareMailto(title: string, url: string): string {
  return `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(text.body(title, url))}`;
}

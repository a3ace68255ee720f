/**
 * The few pages the server renders itself around sign-in (the browser lands on them straight from
 * the identity provider), in French.
 */

import escapeHtml from 'escape-html';

function page(title: string, paragraphs: string[]): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — L'info pour tous</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1e1e1e}a{color:#1d4e89}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="/">Revenir à l'accueil de L'info pour tous</a></p>
</main>
</body>
</html>`;
}

const deniedReasons: Record<string, string> = {
  no_role: "Votre compte de la Région n'appartient à aucun groupe autorisé à utiliser L'info pour tous.",
  editor_without_directorate: "Votre compte a le rôle d'éditeur mais aucune direction connue ne lui est rattachée.",
  deactivated: 'Votre compte a été désactivé par un administrateur.',
};

export function accessDeniedPage(reason: string): string {
  return page('Accès non autorisé', [
    deniedReasons[reason] ?? "Vous n'avez pas accès à L'info pour tous.",
    "Si vous pensez que c'est une erreur, contactez l'administrateur de L'info pour tous de votre direction.",
  ]);
}

export function signInFailedPage(): string {
  return page('Connexion refusée', [
    "La réponse du service d'authentification de la Région n'a pas pu être vérifiée (réponse expirée, déjà utilisée ou invalide).",
    'Recommencez la connexion depuis la page d’accueil.',
  ]);
}

export function logoutRefusedPage(): string {
  return page('Déconnexion refusée', [
    "La demande de déconnexion reçue n'a pas pu être vérifiée : elle n'est pas signée par le service d'authentification de la Région ou ne s'adresse pas à L'info pour tous.",
    "Aucune session n'a été fermée.",
  ]);
}

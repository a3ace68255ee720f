import { useEffect } from 'react';
import { Link } from 'react-router';
import { pagePaths } from '../routes';

const text = {
  title: 'Page introuvable',
  body: "L'adresse demandée ne correspond à aucune page. Elle a peut-être été déplacée, ou contient une faute de frappe.",
  back: "Revenir à l'accueil",
};

export function NotFoundPage() {
  useEffect(() => {
    document.title = "Page introuvable — L'info pour tous";
  }, []);
  return (
    <>
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      <p>
        <Link to={pagePaths.home}>{text.back}</Link>
      </p>
    </>
  );
}

import { Link } from 'react-router';
import { pagePaths } from '../routes';

const text = { label: "Fil d'Ariane", themes: 'Thèmes' };

/** Thèmes › … › the current page (not a link, aria-current="page"). */
export function Breadcrumb({ trail, current }: { trail: { name: string; to: string }[]; current: string }) {
  const links = [{ name: text.themes, to: pagePaths.themes }, ...trail];
  return (
    <nav aria-label={text.label} className="breadcrumb">
      <ol>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.name}</Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}

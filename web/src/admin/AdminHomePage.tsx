import { Link } from 'react-router';
import { adminScreens } from './AdminSection';
import { usePageTitle } from '../ui/hooks';

const text = {
  title: 'Administration',
  intro: 'Les réglages de L’info pour tous, réservés aux administrateurs. Chaque modification est inscrite au journal d’audit.',
};

/** The administration area's front page: its screens, each with what it is for. */
export function AdminHomePage() {
  usePageTitle(text.title);
  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      <ul className="card-grid">
        {adminScreens.map((screen) => (
          <li key={screen.to} className="card">
            <h2 className="card__title">
              <Link to={screen.to}>{screen.name}</Link>
            </h2>
            <p>{screen.about}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

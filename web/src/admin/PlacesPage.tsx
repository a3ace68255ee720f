import { PlacesSection } from './PlacesSection';
import { usePageTitle } from '../ui/hooks';

const text = {
  title: 'Directions et Maisons de Région',
  intro:
    'Les directions rattachent les éditeurs, les dossiers et les documents ; les Maisons de Région rattachent les agents d’accueil. Une direction ou une Maison encore utilisée ne peut pas être supprimée : désactivez-la.',
};

/** For administrators: the directorates and the Maisons de Région (GET, POST, PATCH, DELETE /api/admin/directorates|maisons). */
export function PlacesPage() {
  usePageTitle(text.title);
  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      <PlacesSection kind="directorates" />
      <PlacesSection kind="maisons" />
    </>
  );
}

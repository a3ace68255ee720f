import { useResource } from '../ui/hooks';
import { shareApi, type ShareReach, type ShareTarget } from './types';

const text = {
  loading: 'Calcul des ouvertures du lien public…',
  opens: (n: number) =>
    n === 0
      ? 'Ses liens publics n’ont pas été ouverts ces 30 derniers jours.'
      : `Ses liens publics ont été ouverts ${new Intl.NumberFormat('fr-FR').format(n)} fois ces 30 derniers jours (chaque visiteur compte une fois par jour).`,
  toScheme: (name: string) => `Les QR codes et liens déjà remis mèneront à la page du dispositif « ${name} », qui reste en ligne.`,
  nowhere:
    'Les QR codes et liens déjà remis ne mèneront plus à aucun document : la page dira qu’il n’est plus diffusé et donnera le contact de la Région.',
};

/**
 * Before an editor stops a public link (document made internal, archived, deleted, or its scheme
 * archived): how often it was opened lately, and where printed codes will lead afterwards.
 */
export function ReachNotice({ target }: { target: ShareTarget }) {
  const reach = useResource<ShareReach>(shareApi.reach(target));
  if (reach.error) return null;
  if (!reach.data) return <p role="status">{text.loading}</p>;
  return (
    <div className="alert alert--warning">
      <p>{text.opens(reach.data.opensLast30Days)}</p>
      <p>{reach.data.schemePage ? text.toScheme(reach.data.schemePage.name) : text.nowhere}</p>
    </div>
  );
}

import { ApiError } from '../api';
import { splitFieldMessage } from '../ui/errors';
import { messageOf } from '../ui/hooks';
import type { Place, PlaceKind } from './types';

/** The words that differ between directorates and Maisons (both feminine in French). */
export const placeText: Record<
  PlaceKind,
  {
    heading: string;
    caption: string;
    the: string;
    a: string;
    createHeading: string;
    create: string;
    deactivateEffect: string;
    usersFilter: string;
  }
> = {
  directorates: {
    heading: 'Directions',
    caption: 'Les directions de la Région',
    the: 'la direction',
    a: 'une direction',
    createHeading: 'Ajouter une direction',
    create: 'Ajouter la direction',
    deactivateEffect:
      'Elle n’est plus proposée dans les formulaires, mais reste attachée à ses utilisateurs, dossiers et documents. Tant qu’elle est désactivée, ses éditeurs sont refusés à leur prochaine connexion par le SSO.',
    usersFilter: 'directorate',
  },
  maisons: {
    heading: 'Maisons de Région',
    caption: 'Les Maisons de Région',
    the: 'la Maison',
    a: 'une Maison',
    createHeading: 'Ajouter une Maison de Région',
    create: 'Ajouter la Maison',
    deactivateEffect:
      'Elle n’est plus proposée dans les formulaires, mais reste attachée à ses utilisateurs. Tant qu’elle est désactivée, ses agents n’y sont plus rattachés à leur prochaine connexion par le SSO.',
    usersFilter: 'maison',
  },
};

export const placeFieldText = {
  code: 'Code',
  codeHint: '2 à 20 caractères : majuscules, chiffres, - ou _. Il ne change plus ensuite.',
  name: 'Nom',
  city: 'Ville',
  phone: 'Téléphone (imprimé sur les pages et fiches remises aux usagers)',
};

export type PlaceField = 'code' | 'name' | 'city' | 'phone';

export interface PlaceFormErrors {
  fields: Partial<Record<PlaceField, string>>;
  form?: string;
}

/** Puts the server's refusal next to the field it is about: "name : …", or 409 for the code. */
export function placeErrorsOf(error: unknown, fields: PlaceField[]): PlaceFormErrors {
  if (error instanceof ApiError && error.status === 409 && fields.includes('code')) return { fields: { code: error.message } };
  const { path, message } = splitFieldMessage(messageOf(error));
  if (error instanceof ApiError && error.status === 400 && path && (fields as string[]).includes(path))
    return { fields: { [path]: message } };
  return { fields: {}, form: messageOf(error) };
}

/** "3 utilisateurs, 1 dossier" or "". */
export function usageOf(place: Place): string {
  const count = (n: number, one: string, many: string) => (n === 0 ? '' : `${n} ${n === 1 ? one : many}`);
  return [
    count(place.references.users, 'utilisateur', 'utilisateurs'),
    count(place.references.folders, 'dossier', 'dossiers'),
    count(place.references.documents, 'document', 'documents'),
  ]
    .filter(Boolean)
    .join(', ');
}

export const isUsed = (place: Place) => place.references.users + place.references.folders + place.references.documents > 0;

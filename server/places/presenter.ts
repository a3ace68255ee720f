import type { PlaceKind } from './schema';

export interface PlaceRow {
  id: string;
  code: string;
  name: string;
  city?: string;
  phone?: string | null;
  is_active: boolean;
}

/** What still refers to a place: it can be deleted only when nothing does. */
export interface PlaceReferences {
  users: number;
  documents: number;
  folders: number;
}

/** A place for the administration screen: code, name (and the Maison's city and phone), whether active, what refers to it. */
export function presentPlace(kind: PlaceKind, place: PlaceRow & { references: PlaceReferences }) {
  return {
    id: place.id,
    code: place.code,
    name: place.name,
    ...(kind === 'maisons' ? { city: place.city, phone: place.phone ?? null } : {}),
    isActive: place.is_active,
    references: place.references,
  };
}

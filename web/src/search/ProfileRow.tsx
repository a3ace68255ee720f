import { audienceLabels } from '../ui/labels';
import { selectedIn, toggleFilter, type Criteria } from './criteria';

const text = {
  title: 'Pour qui ?',
  hint: 'Un profil filtre les dispositifs par public.',
};

/** The visitor profiles the agent recognises at a glance, each mapped to one audience of the scheme cards. */
export const profiles = [
  { label: 'Particulier', audience: 'particuliers' },
  { label: 'Jeune 16–25 ans', audience: 'jeunes' },
  { label: 'Demandeur d’emploi', audience: 'demandeurs_emploi' },
  { label: 'Entreprise', audience: 'entreprises' },
  { label: 'Association', audience: 'associations' },
  { label: 'Collectivité', audience: 'collectivites' },
  { label: 'Agriculteur', audience: 'agriculteurs' },
].filter((profile) => profile.audience in audienceLabels);

/** "Pour qui ?": one tap sets (or removes) the audience filter of a profile. */
export function ProfileRow({ criteria, onChange }: { criteria: Criteria; onChange(criteria: Criteria): void }) {
  const selected = selectedIn(criteria, 'audience');
  return (
    <div role="group" aria-labelledby="pour-qui" aria-describedby="pour-qui-aide" className="profiles">
      <span id="pour-qui" className="profiles__title">
        {text.title}
      </span>
      <span id="pour-qui-aide" className="visually-hidden">
        {text.hint}
      </span>
      <ul className="profiles__list">
        {profiles.map((profile) => {
          const isPressed = selected.includes(profile.audience);
          return (
            <li key={profile.audience}>
              <button
                type="button"
                className="profile"
                aria-pressed={isPressed}
                onClick={() => onChange(toggleFilter(criteria, 'audience', profile.audience, !isPressed))}
              >
                {profile.label}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import { useId } from 'react';
import { useNavigate } from 'react-router';
import { useResource } from '../ui/hooks';
import { useSession } from '../auth/session';
import type { Directorate } from '../folders/types';

const text = { label: 'Direction' };

/** For administrators, who follow every directorate: the same page for another directorate. */
export function DirectoratePicker({ current, linkOf }: { current: string; linkOf(directorateId: string): string }) {
  const { session } = useSession();
  const isAdmin = session.status === 'signedIn' && session.user.role === 'admin';
  const directorates = useResource<{ directorates: Directorate[] }>(isAdmin ? '/api/directorates' : null);
  const navigate = useNavigate();
  const id = useId();
  if (!isAdmin || !directorates.data) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{text.label}</label>
      <select id={id} value={current} onChange={(event) => void navigate(linkOf(event.target.value))}>
        {directorates.data.directorates.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </div>
  );
}

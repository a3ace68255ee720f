import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { sendJson } from '../api';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { splitFieldMessage } from '../ui/errors';
import { messageOf, useCsrfToken } from '../ui/hooks';
import { formatDateTime } from '../ui/labels';
import { shareApi, type ShareLink, type ShareTarget } from './types';
import { FormAlert } from '../ui/FormAlert';

const text = {
  title: 'Suivi et gestion du lien',
  opens: (n: number) => (n === 0 ? 'Pas encore ouvert' : `Ouvert ${new Intl.NumberFormat('fr-FR').format(n)} fois`),
  opensHint: 'Chaque visiteur compte une fois par jour ; les robots ne comptent pas.',
  lastOpened: (date: string) => `Dernière ouverture le ${date}`,
  created: (date: string) => `Lien créé le ${date}`,
  expires: (date: string) => `Le lien expirera le ${date}.`,
  neverExpires: 'Le lien n’expire pas : il fonctionne tant que le document est publié en diffusion externe.',
  schemeLifetime:
    'La page vit tant que le dispositif a au moins un document publié en diffusion externe ; si elle s’interrompt puis revient, elle garde la même adresse et les QR codes imprimés fonctionnent de nouveau.',
  expiry: 'Date d’expiration',
  expiryHint: 'Le lien cessera de fonctionner à la fin de ce jour.',
  expiryMissing: 'Choisissez une date.',
  saveExpiry: 'Enregistrer l’expiration',
  removeExpiry: 'Supprimer l’expiration',
  pending: 'Enregistrement…',
  expirySaved: (date: string) => `Expiration enregistrée : le lien cessera de fonctionner le ${date}.`,
  expiryRemoved: 'Expiration supprimée : le lien n’expire plus.',
  expiryRefused: 'L’expiration n’a pas été enregistrée :',
  regenerate: 'Régénérer le lien',
  regenerateHint: 'Si le lien a circulé au-delà des personnes visées : un nouveau lien, l’ancien cesse aussitôt de fonctionner.',
  regenerateTitle: 'Régénérer le lien public ?',
  regenerateBody:
    'Un nouveau lien remplacera l’actuel. L’ancien lien cessera de fonctionner immédiatement : les personnes qui l’ont reçu (e-mail, QR code affiché ou imprimé) verront qu’il n’est plus diffusé. Il faudra leur transmettre le nouveau lien.',
  regenerateConfirm: 'Régénérer',
  regenerated: 'Nouveau lien créé : l’ancien ne fonctionne plus.',
};

/** AAAA-MM-JJ of an instant, in the browser's time zone (that of a date input). */
function localDate(value: string | null): string {
  if (!value) return '';
  const date = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last second of a chosen day, in the browser's time zone, as the API's ISO datetime. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59`).toISOString();

interface Props {
  target: ShareTarget;
  link: ShareLink;
  onChanged(link: ShareLink): void;
}

/** For the editors: how often the link was opened, a document link's expiry, and a new link (the old one stops at once). */
export function ShareLinkSettings({ target, link, onChanged }: Props) {
  const csrfToken = useCsrfToken();
  const [day, setDay] = useState(localDate(link.expiresAt));
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState('');
  const [isPending, setIsPending] = useState(false);
  const dayRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  async function saveExpiry(expiresAt: string | null) {
    setIsPending(true);
    setError(undefined);
    setNotice('');
    try {
      const saved = await sendJson<ShareLink>('PATCH', shareApi.link(target), { expiresAt }, csrfToken);
      onChanged(saved);
      setDay(localDate(saved.expiresAt));
      setNotice(saved.expiresAt ? text.expirySaved(formatDateTime(saved.expiresAt)) : text.expiryRemoved);
      // "Supprimer l'expiration" is gone once there is none: focus stays in the form.
      if (!saved.expiresAt) dayRef.current?.focus();
    } catch (e) {
      setError(splitFieldMessage(messageOf(e)).message);
    } finally {
      setIsPending(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!day) {
      setNotice('');
      setError(text.expiryMissing);
      return;
    }
    const expiresAt = endOfDay(day);
    if (Number.isNaN(Date.parse(expiresAt))) setError(text.expiryMissing);
    else void saveExpiry(expiresAt);
  }

  async function regenerate() {
    const renewed = await sendJson<ShareLink>('POST', shareApi.regenerate(target), {}, csrfToken);
    onChanged(renewed);
    setError(undefined);
    setNotice(text.regenerated);
  }

  return (
    <section aria-labelledby={headingId} className="share__settings">
      <h3 id={headingId}>{text.title}</h3>
      <LinkFacts target={target} link={link} />
      <FormAlert lead={text.expiryRefused} message={error} />
      <p role="status" className={notice ? 'alert alert--success' : 'share__status'}>
        {notice}
      </p>
      {target.kind === 'document' && (
        <ExpiryForm
          day={day}
          dayRef={dayRef}
          isInvalid={Boolean(error)}
          isPending={isPending}
          hasExpiry={Boolean(link.expiresAt)}
          onDayChange={setDay}
          onSubmit={submit}
          onRemove={() => void saveExpiry(null)}
        />
      )}
      <RegenerateLink onConfirm={regenerate} />
    </section>
  );
}

/** How often the link was opened, when it was created, and how long it lives. */
function LinkFacts({ target, link }: { target: ShareTarget; link: ShareLink }) {
  return (
    <ul className="plain-list">
      <li>
        <strong>{text.opens(link.opens)}</strong>
        {link.lastOpenedAt && <> · {text.lastOpened(formatDateTime(link.lastOpenedAt))}</>}
        <span className="field__hint"> — {text.opensHint}</span>
      </li>
      <li>{text.created(formatDateTime(link.createdAt))}</li>
      <li>
        {target.kind === 'scheme' ? text.schemeLifetime : link.expiresAt ? text.expires(formatDateTime(link.expiresAt)) : text.neverExpires}
      </li>
    </ul>
  );
}

interface ExpiryFormProps {
  day: string;
  dayRef: RefObject<HTMLInputElement | null>;
  isInvalid: boolean;
  isPending: boolean;
  hasExpiry: boolean;
  onDayChange(day: string): void;
  onSubmit(event: FormEvent): void;
  onRemove(): void;
}

/** A document link's expiry: a day to save, or none. */
function ExpiryForm({ day, dayRef, isInvalid, isPending, hasExpiry, onDayChange, onSubmit, onRemove }: ExpiryFormProps) {
  const dayId = useId();
  return (
    <form noValidate onSubmit={onSubmit}>
      <div className={`field${isInvalid ? ' field--invalid' : ''}`}>
        <label htmlFor={dayId}>{text.expiry}</label>
        <span id={`${dayId}-aide`} className="field__hint">
          {text.expiryHint}
        </span>
        <input
          ref={dayRef}
          id={dayId}
          type="date"
          value={day}
          min={localDate(new Date().toISOString())}
          aria-describedby={`${dayId}-aide`}
          aria-invalid={isInvalid ? true : undefined}
          onChange={(event) => onDayChange(event.target.value)}
        />
      </div>
      <p className="actions share__actions">
        <button type="submit" className="button" disabled={isPending}>
          {isPending ? text.pending : text.saveExpiry}
        </button>
        {hasExpiry && (
          <button type="button" className="button button--secondary" disabled={isPending} onClick={onRemove}>
            {text.removeExpiry}
          </button>
        )}
      </p>
    </form>
  );
}

/** "Régénérer le lien", after a confirmation: the old link stops at once. */
function RegenerateLink({ onConfirm }: { onConfirm(): Promise<void> }) {
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <>
      <p className="actions share__actions">
        <button type="button" className="button button--danger" onClick={() => setIsConfirming(true)}>
          {text.regenerate}
        </button>
        <span className="field__hint">{text.regenerateHint}</span>
      </p>
      <ConfirmDialog
        isOpen={isConfirming}
        title={text.regenerateTitle}
        confirmLabel={text.regenerateConfirm}
        isDanger
        onConfirm={onConfirm}
        onClose={() => setIsConfirming(false)}
      >
        <p>{text.regenerateBody}</p>
      </ConfirmDialog>
    </>
  );
}

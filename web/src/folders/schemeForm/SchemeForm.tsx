import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CheckboxGroup, choicesOf, SelectField, TextField } from '../../ui/Fields';
import { useResource } from '../../ui/hooks';
import { aidTypeLabels, audienceLabels } from '../../ui/labels';
import type { Directorate } from '../types';
import { fieldError, type SchemeField, type SchemeFormValues } from './values';

const text = {
  required: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
  name: 'Nom du dispositif',
  promise: 'Promesse',
  promiseHint: 'Ce que le dispositif apporte, en une phrase (200 caractères au plus). Elle s’affiche en tête de la fiche.',
  summary: 'Résumé',
  summaryHint: 'Pour qui, pour quoi, combien : ce qu’un agent d’accueil doit savoir.',
  amount: 'Montant ou taux',
  amountHint: 'Ce que le dispositif verse, tel qu’on le dit à l’usager (exemple : jusqu’à 500 €, 50 % des dépenses).',
  directorate: 'Direction responsable',
  chooseDirectorate: 'Choisir une direction',
  audiences: 'Publics',
  aidTypes: "Types d'aide",
  calendar: 'Calendrier',
  isPermanent: 'Dispositif permanent (sans date de clôture)',
  opensOn: "Date d'ouverture",
  closesOn: 'Date de clôture',
  closesOnPermanent: 'Pas de date de clôture pour un dispositif permanent.',
  referent: 'Qui contacter au siège',
  referentName: 'Nom du référent',
  referentService: 'Service',
  referentEmail: 'Adresse e-mail',
  referentPhone: 'Téléphone',
  publicFields: 'Affiché aux usagers (page publique et fiche imprimée)',
  publicFieldsHint:
    'Par défaut le service seulement, avec la Maison de Région de l’agent : ne cochez le nom, l’e-mail ou le téléphone que s’ils sont faits pour le public (jamais un portable personnel).',
  publicFieldChoices: { name: 'Nom du référent', service: 'Service', email: 'Adresse e-mail', phone: 'Téléphone' },
  links: 'Liens',
  infoUrl: "Page d'information",
  applyUrl: 'Dépôt de la demande en ligne',
  urlHint: 'Adresse complète, commençant par https://',
  keywords: 'Mots-clés',
  keywordsHint: 'Séparés par des virgules : les mots qu’emploient les usagers (exemple : camping, économies d’eau).',
  verification: 'Vérification de la fiche',
  reviewIntervalDays: 'À vérifier tous les (jours)',
  reviewIntervalHint: 'De 7 à 1 095 jours ; 180 par défaut. Enregistrer la fiche vaut vérification.',
  verifier: 'Vérificateur',
  verifierHint: 'Un éditeur de la direction, qui reçoit la fiche dans « À vérifier ».',
  verifierDefault: 'Le référent (s’il a un compte d’éditeur)',
  errorTitle: 'La fiche n’a pas été enregistrée :',
  goToField: 'Aller au champ',
  cancel: 'Annuler',
  pending: 'Enregistrement…',
};

interface Props {
  initial: SchemeFormValues;
  directorates: Directorate[];
  /** Editors have one choice, their own directorate: no placeholder then. */
  isDirectorateFixed: boolean;
  submitLabel: string;
  cancelTo: string;
  /** Rejects with the server's refusal. */
  onSubmit(values: SchemeFormValues): Promise<void>;
}

const idOf = (field: SchemeField) =>
  field === 'audiences'
    ? `publics-${Object.keys(audienceLabels)[0]}`
    : field === 'aidTypes'
      ? `types-aide-${Object.keys(aidTypeLabels)[0]}`
      : field === 'referentPublicFields'
        ? 'contact-public-name'
        : `dispositif-${field}`;

/** The form's values and the server's refusal, and a labelled text field bound to a value. */
function useSchemeFields(initial: SchemeFormValues) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<{ field?: SchemeField; message: string }>();
  const set =
    <K extends SchemeField>(field: K) =>
    (value: SchemeFormValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const errorOf = (field: SchemeField) => (error?.field === field ? error.message : undefined);
  const textField = (field: SchemeField, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={idOf(field)}
      label={label}
      value={String(values[field])}
      onChange={set(field) as (v: string) => void}
      error={errorOf(field)}
      {...extra}
    />
  );
  return { values, setValues, error, setError, set, errorOf, textField };
}

type Fields = ReturnType<typeof useSchemeFields>;

/** The scheme card form: every field labelled, groups in fieldsets, the server's refusal next to its field. */
export function SchemeForm({ initial, directorates, isDirectorateFixed, submitLabel, cancelTo, onSubmit }: Props) {
  const form = useSchemeFields(initial);
  const { values, error, set, errorOf, textField } = form;
  const [isPending, setIsPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsPending(true);
    form.setError(undefined);
    try {
      await onSubmit(values);
    } catch (e) {
      form.setError(fieldError(e));
      setIsPending(false);
    }
  }

  const directorateOptions = directorates.map((d) => ({ value: d.id, label: `${d.name} (${d.code})` }));
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <div role="alert" className={error ? 'alert alert--error' : undefined}>
        {error && (
          <>
            <p>
              <strong>{text.errorTitle}</strong> {error.message}
            </p>
            {error.field && <a href={`#${idOf(error.field)}`}>{text.goToField}</a>}
          </>
        )}
      </div>
      <p className="field__hint">{text.required}</p>
      {textField('name', text.name, { required: true, autoComplete: 'off' })}
      {textField('promise', text.promise, { hint: text.promiseHint, maxLength: 200 })}
      {textField('summary', text.summary, { hint: text.summaryHint, isMultiline: true })}
      {textField('amount', text.amount, { hint: text.amountHint, maxLength: 200 })}
      <SelectField
        id={idOf('directorateId')}
        label={text.directorate}
        value={values.directorateId}
        onChange={set('directorateId')}
        error={errorOf('directorateId')}
        required
        options={isDirectorateFixed ? directorateOptions : [{ value: '', label: text.chooseDirectorate }, ...directorateOptions]}
      />
      <CheckboxGroup
        legend={text.audiences}
        name="publics"
        values={values.audiences}
        onChange={set('audiences')}
        choices={choicesOf(audienceLabels)}
        error={errorOf('audiences')}
      />
      <CheckboxGroup
        legend={text.aidTypes}
        name="types-aide"
        values={values.aidTypes}
        onChange={set('aidTypes')}
        choices={choicesOf(aidTypeLabels)}
        error={errorOf('aidTypes')}
      />
      <CalendarFields form={form} />
      <ReferentFields form={form} />
      <fieldset className="choices">
        <legend>{text.links}</legend>
        {textField('infoUrl', text.infoUrl, { type: 'url', hint: text.urlHint })}
        {textField('applyUrl', text.applyUrl, { type: 'url', hint: text.urlHint })}
      </fieldset>
      {textField('keywords', text.keywords, { hint: text.keywordsHint })}
      <VerificationFields form={form} />
      <div className="actions">
        <button type="submit" className="button" disabled={isPending}>
          {isPending ? text.pending : submitLabel}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {text.cancel}
        </Link>
      </div>
    </form>
  );
}

/** Open from, until, or permanent (which empties the closing date). */
function CalendarFields({ form }: { form: Fields }) {
  const { values, setValues, textField } = form;
  return (
    <fieldset className="choices">
      <legend>{text.calendar}</legend>
      <div className="choice">
        <input
          type="checkbox"
          id={idOf('isPermanent')}
          checked={values.isPermanent}
          onChange={(event) =>
            setValues((v) => ({ ...v, isPermanent: event.target.checked, closesOn: event.target.checked ? '' : v.closesOn }))
          }
        />
        <label htmlFor={idOf('isPermanent')}>{text.isPermanent}</label>
      </div>
      <div className="field-row">
        {textField('opensOn', text.opensOn, { type: 'date' })}
        {textField('closesOn', text.closesOn, {
          type: 'date',
          disabled: values.isPermanent,
          hint: values.isPermanent ? text.closesOnPermanent : undefined,
        })}
      </div>
    </fieldset>
  );
}

/** The referent's contact, and which of its fields the public page shows. */
function ReferentFields({ form }: { form: Fields }) {
  const { values, set, errorOf, textField } = form;
  return (
    <fieldset className="choices">
      <legend>{text.referent}</legend>
      <div className="field-row">
        {textField('referentName', text.referentName, { autoComplete: 'off' })}
        {textField('referentService', text.referentService, { autoComplete: 'off' })}
      </div>
      <div className="field-row">
        {textField('referentEmail', text.referentEmail, { type: 'email', autoComplete: 'off' })}
        {textField('referentPhone', text.referentPhone, { type: 'tel', autoComplete: 'off' })}
      </div>
      <CheckboxGroup
        legend={text.publicFields}
        hint={text.publicFieldsHint}
        name="contact-public"
        values={values.referentPublicFields}
        onChange={(fields) => set('referentPublicFields')(fields as SchemeFormValues['referentPublicFields'])}
        choices={choicesOf(text.publicFieldChoices)}
        error={errorOf('referentPublicFields')}
      />
    </fieldset>
  );
}

/** How often the card is checked, and by whom (an editor of its directorate). */
function VerificationFields({ form }: { form: Fields }) {
  const { values, set, errorOf, textField } = form;
  const editors = useResource<{ editors: { id: string; name: string }[] }>(
    values.directorateId ? `/api/directorates/${encodeURIComponent(values.directorateId)}/editors` : null,
  );
  return (
    <fieldset className="choices">
      <legend>{text.verification}</legend>
      <div className="field-row">
        {textField('reviewIntervalDays', text.reviewIntervalDays, { type: 'number', hint: text.reviewIntervalHint })}
        <SelectField
          id={idOf('verifierId')}
          label={text.verifier}
          hint={text.verifierHint}
          value={values.verifierId}
          onChange={set('verifierId')}
          error={errorOf('verifierId')}
          options={[
            { value: '', label: text.verifierDefault },
            ...(editors.data?.editors ?? []).map((editor) => ({ value: editor.id, label: editor.name })),
          ]}
        />
      </div>
    </fieldset>
  );
}

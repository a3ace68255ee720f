import { Link } from 'react-router';
import { docTypeLabels, formatSize } from '../ui/labels';
import { linkTo } from '../routes';
import type { DocumentItem } from './types';

const text = {
  title: 'Fichiers envoyés',
  progress: (name: string) => `Envoi de ${name}`,
  sending: (percent: number) => `Envoi en cours : ${percent} %`,
  done: 'Envoyé.',
  open: (title: string) => `Ouvrir « ${title} »`,
  failed: 'Refusé : ',
  type: (name: string) => `Type de « ${name} »`,
  suggested: 'suggéré d’après le fichier',
  titleRead: 'titre lu dans le document',
  titleFromName: 'titre tiré du nom du fichier',
  summary: (done: number, failed: number) =>
    [
      done > 0 ? `${done} fichier${done > 1 ? 's' : ''} envoyé${done > 1 ? 's' : ''}` : '',
      failed > 0 ? `${failed} fichier${failed > 1 ? 's' : ''} refusé${failed > 1 ? 's' : ''}` : '',
    ]
      .filter(Boolean)
      .join(', ') + '.',
};

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  percent: number;
  state: 'sending' | 'done' | 'failed';
  error?: string;
  document?: DocumentItem;
  /** Why the type the editor chose was not saved. */
  typeError?: string;
}

/**
 * One line per file: name, size, progress bar, then its document (the title it gave itself, its
 * type pre-selected and editable) or the server's reason for refusing it.
 */
export function UploadList({ items, onTypeChange }: { items: UploadItem[]; onTypeChange(item: UploadItem, docType: string): void }) {
  const count = (state: UploadItem['state']) => items.filter((item) => item.state === state).length;
  const isSettled = count('sending') === 0;
  return (
    <>
      {/* Announced once, when every file is settled, rather than at each percent. */}
      <p role="status" className="upload__summary">
        {items.length > 0 && isSettled ? text.summary(count('done'), count('failed')) : ''}
      </p>
      {items.length > 0 && (
        <ul className="upload-list" aria-label={text.title}>
          {items.map((item) => (
            <li key={item.key} className={`upload-item upload-item--${item.state}`}>
              <span className="upload-item__name">
                {item.name} <span className="upload-item__size">({formatSize(item.size)})</span>
              </span>
              <progress max={100} value={item.percent} aria-label={text.progress(item.name)} />
              {item.state === 'sending' && <span className="upload-item__state">{text.sending(item.percent)}</span>}
              {item.state === 'done' && item.document && (
                <>
                  <span className="upload-item__state">
                    {text.done} <Link to={linkTo.document(item.document.id)}>{text.open(item.document.title)}</Link>
                    {item.document.titleSource !== 'user' && (
                      <span className="upload-item__note">
                        {' '}
                        ({item.document.titleSource === 'document' ? text.titleRead : text.titleFromName})
                      </span>
                    )}
                  </span>
                  <span className="upload-item__type">
                    <label htmlFor={`${item.key}-type`}>{text.type(item.name)}</label>
                    <select
                      id={`${item.key}-type`}
                      value={item.document.docType}
                      disabled={!item.document.can.update}
                      aria-describedby={item.document.isDocTypeSuggested ? `${item.key}-suggested` : undefined}
                      onChange={(event) => onTypeChange(item, event.target.value)}
                    >
                      {Object.entries(docTypeLabels).map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                    {item.document.isDocTypeSuggested && (
                      <span id={`${item.key}-suggested`} className="upload-item__note">
                        {text.suggested}
                      </span>
                    )}
                    {item.typeError && (
                      <span role="alert" className="upload-item__error">
                        {item.typeError}
                      </span>
                    )}
                  </span>
                </>
              )}
              {item.state === 'failed' && (
                <span role="alert" className="upload-item__state upload-item__error">
                  {text.failed}
                  {item.error}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

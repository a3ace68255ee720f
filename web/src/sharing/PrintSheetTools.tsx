import { Link } from 'react-router';

const text = {
  print: 'Imprimer',
};

/**
 * The screen-only head of a sheet to print (a document's public link, a scheme's handout): the
 * print button, the way back, what will come out on paper, then why the sheet is missing or that
 * it is on its way. The sheet itself follows once `isReady`.
 */
export function PrintSheetTools(props: {
  isReady: boolean;
  back: { to: string; label: string };
  hint: string;
  error: string | undefined;
  refused: string;
  loading: string;
}) {
  const { isReady, back, hint, error, refused, loading } = props;
  return (
    <>
      <div className="print-sheet__tools">
        <p className="actions">
          <button type="button" className="button" onClick={() => window.print()} disabled={!isReady}>
            {text.print}
          </button>
          <Link to={back.to}>{back.label}</Link>
        </p>
        <p className="field__hint">{hint}</p>
      </div>
      {error && (
        <p role="alert" className="alert alert--error">
          <strong>{refused}</strong> {error}
        </p>
      )}
      {!error && !isReady && <p role="status">{loading}</p>}
    </>
  );
}

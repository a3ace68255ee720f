/**
 * Where a form says why it was refused: a live region that is always in the page, so that a
 * screen reader announces the message the moment it appears, and the message in it when there is one.
 */
export function FormAlert({ lead, message }: { lead: string; message: string | undefined }) {
  return (
    <div role="alert">
      {message && (
        <p className="alert alert--error">
          <strong>{lead}</strong> {message}
        </p>
      )}
    </div>
  );
}

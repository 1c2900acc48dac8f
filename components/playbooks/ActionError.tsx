/** Why a playbook action was refused (useActionError's message), or nothing. */
export function ActionError({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p className="rounded bg-red-50 px-2 py-1 text-red-800" role="alert">
      {error}
    </p>
  );
}

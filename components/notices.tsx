/** Corrections the URL parser made, shown so that an ignored filter is never silent. */
export function Notices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="notices">
      <p className="notice-title">Some of the address could not be used:</p>
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </div>
  );
}

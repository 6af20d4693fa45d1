/** Corrections the URL parser made and what the view leaves out, shown so that nothing is dropped silently. */
export function Notices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="notices">
      <p className="notice-title">About this view:</p>
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </div>
  );
}

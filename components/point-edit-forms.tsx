import { CONFIDENCES } from "@/lib/domain/words";
import { BASIS_WORDS, CHANGE_WORDS, LINK_BASES, LINK_CHANGES, POINT_STATUSES, STATUS_WORDS } from "@/lib/lineage/lineage";
import type { TPointView } from "@/lib/read/lineage-view";

/** The editor's forms: a new version of the point (title, status, notes) and of each of its links out, each with a reason. */
export function PointEditForms(props: {
  view: TPointView;
  /** The server actions that record a new version of the point and of one of its links (bound to the point's address). */
  editPoint: (form: FormData) => Promise<void>;
  editLink: (form: FormData) => Promise<void>;
}) {
  const { view, editPoint, editLink } = props;
  const { point } = view;
  return (
    <section aria-labelledby="edit-point" className="point-edit">
      <h3 id="edit-point">Record a new version (editors)</h3>
      <form action={editPoint} data-testid="edit-point">
        <input type="hidden" name="basedOn" value={point.version} />
        <p>
          <label htmlFor="point-title">Title</label>
          <br />
          <input id="point-title" name="title" defaultValue={point.title} required maxLength={200} />
        </p>
        <p>
          <label htmlFor="point-status">Status</label>{" "}
          <select id="point-status" name="status" defaultValue={point.status}>
            {POINT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_WORDS[s]}
              </option>
            ))}
          </select>{" "}
          <label htmlFor="point-status-date">as of</label>{" "}
          <input id="point-status-date" name="statusDate" defaultValue={point.statusDate ?? ""} placeholder="2025-12-24" size={12} />
        </p>
        <p>
          <label htmlFor="point-status-note">The status in the sources&apos; words</label>
          <br />
          <input id="point-status-note" name="statusNote" defaultValue={point.statusNote ?? ""} maxLength={2000} />
        </p>
        <p>
          <label htmlFor="point-notes">Notes</label>
          <br />
          <textarea id="point-notes" name="notes" defaultValue={point.notes ?? ""} maxLength={4000} rows={3} />
        </p>
        <p>
          <label htmlFor="point-reason">Reason for the change</label>
          <br />
          <input id="point-reason" name="reason" required maxLength={500} />
        </p>
        <button type="submit">Record this version of the point</button>
      </form>
      {view.out.map((link, index) => (
        <form key={link.version} action={editLink} data-testid="edit-link">
          <h4>What became of it in {view.drafts.find((d) => d.slug === link.toDraft)?.name ?? link.toDraft}</h4>
          <input type="hidden" name="what" value="link" />
          <input type="hidden" name="basedOn" value={link.version} />
          <input type="hidden" name="to" value={`${link.toDraft}|${link.toPoint ?? ""}`} />
          <p>
            <label htmlFor={`link-change-${index}`}>Change</label>{" "}
            <select id={`link-change-${index}`} name="change" defaultValue={link.change}>
              {LINK_CHANGES.map((c) => (
                <option key={c} value={c}>
                  {CHANGE_WORDS[c]}
                </option>
              ))}
            </select>{" "}
            <label htmlFor={`link-basis-${index}`}>basis</label>{" "}
            <select id={`link-basis-${index}`} name="basis" defaultValue={link.basis}>
              {LINK_BASES.map((b) => (
                <option key={b} value={b}>
                  {BASIS_WORDS[b]}
                </option>
              ))}
            </select>{" "}
            <label htmlFor={`link-confidence-${index}`}>confidence</label>{" "}
            <select id={`link-confidence-${index}`} name="confidence" defaultValue={link.confidence}>
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor={`link-summary-${index}`}>What changed</label>
            <br />
            <textarea id={`link-summary-${index}`} name="summary" defaultValue={link.summary} required maxLength={2000} rows={2} />
          </p>
          <p>
            <label htmlFor={`link-reason-${index}`}>Reason for the change</label>
            <br />
            <input id={`link-reason-${index}`} name="reason" required maxLength={500} />
          </p>
          <button type="submit">Record this version of the link</button>
        </form>
      ))}
    </section>
  );
}

/**
 * True when a URL may be shown as a link: an absolute http(s) address with a host and no white
 * space; never javascript:, data:, relative, or the slash-less `https:example.org`.
 */
export function isSafeHttpUrl(url: string | null | undefined): url is string {
  if (!url || !/^https?:\/\/[^\s/?#]+/i.test(url) || /\s/.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

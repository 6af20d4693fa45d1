export const HOSTILE_SLUG = "hostile-test";
export const HOSTILE_TEXT = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;

// What a password must be: 12 to 128 characters, and not one that appears in breach lists or is
// built the way those are (a common word or a keyboard run padded with digits and symbols, one
// character repeated, a run of digits, the user's own email or name). A small bundled list rather
// than a download: nothing is fetched at run time, and the patterns catch the variants.

export const PASSWORD_LENGTH = { min: 12, max: 128 } as const;

/** Words and keyboard runs at the core of the most common breached passwords (lower case, letters only). */
const COMMON_CORES = new Set([
  "password",
  "passw",
  "passwd",
  "pass",
  "qwerty",
  "qwertyuiop",
  "qwertz",
  "azerty",
  "asdf",
  "asdfgh",
  "asdfghjkl",
  "zxcvbn",
  "zxcvbnm",
  "qazwsx",
  "letmein",
  "welcome",
  "iloveyou",
  "admin",
  "administrator",
  "login",
  "dragon",
  "monkey",
  "football",
  "baseball",
  "soccer",
  "hockey",
  "sunshine",
  "princess",
  "trustno",
  "master",
  "shadow",
  "superman",
  "batman",
  "michael",
  "jennifer",
  "jordan",
  "charlie",
  "starwars",
  "whatever",
  "freedom",
  "secret",
  "changeme",
  "default",
  "access",
  "hello",
  "hellohello",
  "flower",
  "mustang",
  "computer",
  "internet",
  "abc",
  "abcdef",
  "abcdefgh",
  "abcdefghijkl",
  "test",
  "tester",
  "testing",
  "user",
  "guest",
  "root",
  "love",
  "lovely",
  "summer",
  "winter",
  "spring",
  "autumn",
  "ukraine",
  "russia",
  "negotiation",
  "negotiations",
  "dashboard",
]);

/** Whole passwords of 12 or more characters from breach lists that the patterns below do not already catch. */
const COMMON_PASSWORDS = new Set([
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "q1w2e3r4t5y6",
  "qwer1234asdf",
  "zaq12wsxcde3",
  "1234qwerasdf",
  "aaaaaa111111",
  "a1b2c3d4e5f6",
  "passw0rd1234",
  "p@ssw0rd1234",
  "p@$$w0rd1234",
  "correcthorsebatterystaple",
  "correct horse battery staple",
]);

const KEYBOARD_RUNS = [
  "1234567890",
  "0987654321",
  "qwertyuiop",
  "poiuytrewq",
  "asdfghjkl",
  "lkjhgfdsa",
  "zxcvbnm",
  "mnbvcxz",
  "abcdefghijklmnopqrstuvwxyz",
];

/** Undoes the usual substitutions (p@ssw0rd → password). */
function unleet(text: string): string {
  return text.replace(/[@4]/g, "a").replace(/3/g, "e").replace(/[1!|]/g, "i").replace(/0/g, "o").replace(/[$5]/g, "s").replace(/7/g, "t");
}

/** Whether a text is a run along the keyboard or the alphabet (at least 4 characters of one). */
function isRun(text: string): boolean {
  return text.length >= 4 && KEYBOARD_RUNS.some((run) => run.includes(text));
}

/**
 * Why a password is refused, or null when it may be used. `identity` holds the user's email and
 * display name, which a password must not be built from.
 */
export function checkPassword(password: string, identity: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_LENGTH.min) return `A password has at least ${PASSWORD_LENGTH.min} characters.`;
  if (password.length > PASSWORD_LENGTH.max) return `A password has at most ${PASSWORD_LENGTH.max} characters.`;
  const lower = password.toLowerCase();
  const weak = "This password is too common or too easy to guess; choose a longer phrase of unrelated words.";
  if (COMMON_PASSWORDS.has(lower)) return weak;
  if (new Set(lower).size <= 3) return weak;
  const squeezed = lower.replace(/[^a-z0-9]/g, "");
  if (/^\d+$/.test(squeezed) || isRun(squeezed)) return weak;
  // A common word or keyboard run, padded with digits and symbols before or after (Password2025!, qwerty123456).
  const core = unleet(lower.replace(/^[^a-z]+|[^a-z]+$/g, ""));
  const letters = core.replace(/[^a-z]/g, "");
  if (COMMON_CORES.has(core) || COMMON_CORES.has(letters) || isRun(letters)) return weak;
  if (/^(.{1,6})\1+$/.test(lower)) return weak; // a short piece repeated (abcabcabcabc)
  const local = identity.email?.split("@")[0]?.toLowerCase() ?? "";
  const name = identity.name?.toLowerCase().replace(/\s+/g, "") ?? "";
  if ((local.length >= 4 && squeezed.includes(local.replace(/[^a-z0-9]/g, ""))) || (name.length >= 4 && squeezed.includes(name)))
    return "A password must not contain your email address or your name.";
  return null;
}

// The part of jsdom's API the tests use (it ships no types of its own).
declare module "jsdom" {
  export class JSDOM {
    constructor(markup: string, options?: { contentType?: string });
    readonly window: Window & typeof globalThis;
  }
}

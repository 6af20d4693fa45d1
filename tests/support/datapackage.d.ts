// The datapackage package (Frictionless Data's JavaScript library) ships no types: the part the tests use.
declare module "datapackage" {
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly profile: { name: string };
    readonly descriptor: Record<string, unknown>;
    readonly resources: Resource[];
    getResource(name: string): Resource | null;
  }
  export class Resource {
    readonly name: string;
    readonly valid: boolean;
    readonly errors: Error[];
    read(options?: { keyed?: boolean; cast?: boolean; limit?: number }): Promise<Record<string, unknown>[]>;
  }
}

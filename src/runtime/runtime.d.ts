// Types for the parts of @observablehq/runtime 6 this project uses (the package ships none).
declare module '@observablehq/runtime' {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export class Variable {
    define(name: string | null, inputs: string[], definition: (...args: never[]) => unknown): Variable;
    define(inputs: string[], definition: (...args: never[]) => unknown): Variable;
    delete(): Variable;
    dispose(): void;
  }
  export class Module {
    variable(observer?: Observer | boolean): Variable;
    define(name: string, inputs: string[], definition: (...args: never[]) => unknown): Variable;
    value(name: string): Promise<unknown>;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    input?: string;
  }
}
declare module '@observablehq/inspector' {
  export class Inspector {
    constructor(element: Element);
    fulfilled(value: unknown, name?: string): void;
    rejected(error: unknown, name?: string): void;
  }
}
declare module '@observablehq/inputs';

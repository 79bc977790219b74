// A typed client for thaigraph's read API, its types generated from api/openapi.yaml by
// openapi-typescript (generated/thaigraph.d.ts): a route, its path and query parameters and its
// JSON answer are all checked by the compiler against the spec.
import type { paths } from './generated/thaigraph.js';

type Routes = {
  [P in keyof paths]: paths[P] extends { get: { responses: { 200: unknown } } } ? P : never;
}[keyof paths];
type Get<P extends Routes> = paths[P]['get'];
type Parameters<P extends Routes> = Get<P> extends { parameters: infer R } ? R : never;
type PathOf<P extends Routes> = Parameters<P> extends { path: infer T } ? T : never;
type QueryOf<P extends Routes> = Parameters<P> extends { query?: infer T } ? T : never;
export type Answer<P extends Routes> = Get<P>['responses'][200] extends {
  content: { 'application/json': infer T };
} ? T : never;

export interface Request<P extends Routes> {
  path?: PathOf<P>;
  query?: QueryOf<P>;
}

/** A problem the API answered with (RFC 9457). */
export class Problem extends Error {
  constructor(public readonly status: number, public readonly body: unknown) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

export class Client {
  constructor(private readonly base: string) {}

  /** GETs a route; a 4xx or 5xx problem is thrown as Problem. */
  async get<P extends Routes>(route: P, request: Request<P> = {}): Promise<Answer<P>> {
    let path: string = route;
    for (const [name, value] of Object.entries((request.path ?? {}) as Record<string, string>)) {
      path = path.replace(`{${name}}`, encodeURIComponent(value));
    }
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
      if (value !== undefined) query.set(name, String(value));
    }
    const url = `${this.base}${path}${query.size ? `?${query}` : ''}`;
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const body: unknown = await response.json();
    if (!response.ok) throw new Problem(response.status, body);
    return body as Answer<P>;
  }

  /** Follows `next` to the end of a list, yielding every item once. */
  async *all<P extends Routes>(route: P, request: Request<P> = {}):
      AsyncGenerator<Answer<P> extends { items: (infer I)[] } ? I : never> {
    type Item = Answer<P> extends { items: (infer I)[] } ? I : never;
    let page = (await this.get(route, request)) as unknown as { items: Item[]; next: string | null };
    for (;;) {
      yield* page.items;
      if (!page.next) return;
      const response = await fetch(`${this.base}${page.next}`);
      if (!response.ok) throw new Problem(response.status, await response.json());
      page = (await response.json()) as typeof page;
    }
  }
}

export { startFakeHub } from "./fake-hub.ts";
export type { FakeHub, FakeRepo } from "./fake-hub.ts";

import type { APIRoute, GetStaticPaths } from "astro";
import { leaderboardExport } from "../../../lib/api.ts";
import { boards } from "../../../lib/boards.ts";
import { siteData } from "../../../lib/site-data.ts";

/** One per leaderboard page (/leaderboards/<suite>/): its rows in the page's order. */
export const getStaticPaths = (async () =>
  boards(await siteData()).map((board) => ({
    params: { suite: board.suite.id },
    props: { board },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(leaderboardExport(props.board), null, 1));

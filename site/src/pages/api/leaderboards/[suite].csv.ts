import type { APIRoute, GetStaticPaths } from "astro";
import { LEADERBOARD_CSV_COLUMNS, leaderboardExport } from "../../../lib/api.ts";
import { boards } from "../../../lib/boards.ts";
import { csvResponse, toCsv } from "../../../lib/csv.ts";
import { siteData } from "../../../lib/site-data.ts";

/** /api/leaderboards/<suite>.json as CSV: the same rows, one line each. */
export const getStaticPaths = (async () =>
  boards(await siteData()).map((board) => ({
    params: { suite: board.suite.id },
    props: { board },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  csvResponse(toCsv(LEADERBOARD_CSV_COLUMNS, leaderboardExport(props.board).rows));

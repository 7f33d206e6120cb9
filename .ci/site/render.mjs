// Renders privacy-notice section files exactly as ONedu's site does (src/app/privacy, see
// /work/shared/reference/README.md): gray-matter splits the front matter (`title:` labels the tab),
// react-markdown with remark-gfm and remark-breaks renders the body, react-dom/server writes the HTML.
// Usage: node render.mjs FILE... ; prints a JSON list of {file, title, html}.
import { readFileSync } from "node:fs";
import matter from "gray-matter";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";

const rendered = process.argv.slice(2).map((file) => {
  const { data, content } = matter(readFileSync(file, "utf8"));
  const html = renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm, remarkBreaks] }, content));
  return { file, title: data.title, html };
});
process.stdout.write(JSON.stringify(rendered));

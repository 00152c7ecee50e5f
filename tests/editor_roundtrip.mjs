// Reads and writes content files as the web editor (Decap CMS 3) does: gray-matter with
// yaml 1.10 (YAML 1.2 core schema), keys in the order of the form's fields, body after.
// Input on stdin: [{"path": "...", "order": ["title", ...]}]; files are rewritten in place.
import fs from "node:fs";
import matter from "gray-matter";
import yaml from "yaml";

function sortKeys(order) {
  return (a, b) => {
    const ia = order.indexOf(a.key?.toString()), ib = order.indexOf(b.key?.toString());
    if (ia === -1 || ib === -1) return 0;
    return ia - ib;
  };
}
const engine = (order) => ({
  parse: (text) => yaml.parseDocument(text).toJSON(),
  stringify: (data) => {
    const node = yaml.createNode(data);
    node.items.sort(sortKeys(order));
    const doc = new yaml.Document();
    doc.contents = node;
    return doc.toString();
  },
});
const jobs = JSON.parse(fs.readFileSync(0, "utf8"));
for (const { path, order } of jobs) {
  const text = fs.readFileSync(path, "utf8");
  const parsed = matter(text, { engines: { yaml: engine(order) }, language: "yaml" });
  const body = parsed.content.trim() ? parsed.content : "";
  let out = matter.stringify(body, parsed.data, { engines: { yaml: engine(order) }, language: "yaml" });
  if (body.slice(-1) !== "\n" && out.slice(-1) === "\n") out = out.slice(0, -1);
  fs.writeFileSync(path, out);
}

/** The HTML digest's stylesheet. */
export const DIGEST_STYLE = `
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
main{max-width:860px;margin:0 auto;padding:32px 20px 64px}
header h1{font-size:28px;margin:0 0 4px}header p{color:#5b6475;margin:0 0 12px}
header .explain{font-size:14px;background:#fff;border:1px solid #e2e5ea;border-radius:8px;padding:10px 14px;margin-bottom:24px}
article{background:#fff;border:1px solid #e2e5ea;border-radius:10px;padding:18px 22px;margin:0 0 16px}
article h2{font-size:19px;margin:0 0 6px;line-height:1.35}article h2 a{color:#1d2330;text-decoration:none}
article h3{font-size:15px;margin:12px 0 2px;color:#3a4256}
.meta{color:#5b6475;font-size:13.5px;margin-bottom:10px}.why{font-size:12.5px}
.tldr{margin:8px 0 10px}.tags{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}
.tag{background:#eef2ff;color:#3446a8;border-radius:999px;padding:2px 10px;font-size:12.5px}
.pick{display:inline-block;border-radius:6px;padding:1px 8px;font-size:12.5px;font-weight:600}
.pick.top{background:#e6f6ec;color:#1d7a3e}.pick.explore{background:#fff4e0;color:#9a5b00}
.links a{margin-right:14px;font-size:14px}.note{color:#8a6d00;font-size:13px}
details{margin-top:8px}summary{cursor:pointer;color:#3446a8;font-size:14px}
code{font-size:.92em;background:#f1f3f6;border-radius:4px;padding:0 3px}
.katex{font-size:1.05em}
`;

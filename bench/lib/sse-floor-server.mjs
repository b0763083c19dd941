// The floor of an open event stream on this machine (bench: serve): Node's own HTTP server and
// nothing else — no Express, no guards, no hub — answering every GET with the portal's event-stream
// headers and opening line and keeping the response open. What one connection costs here is
// what any Node HTTP/1.1 server pays per open stream, before a line of the portal runs.
//   node bench/lib/sse-floor-server.mjs   -> prints {"port": N} once listening
import http from "node:http";

const server = http.createServer((req, res) => {
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store, no-transform",
    Connection: "keep-alive",
  });
  res.write("retry: 3000\n: connected\n\n");
  req.on("close", () => res.end());
});
server.keepAliveTimeout = 0;
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));

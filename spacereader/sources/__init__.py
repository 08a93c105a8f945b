"""The sources layer: everything that turns an outside thing into an `Article`.

`files` reads local inputs, `text` turns text and Markdown into articles, `load` runs a whole load in
input order; the web layer (`web`: fetching in `fetch`, the cache in `cache`, pages in `page`, feeds in
`feed`) is imported only when an input is a web address, a saved page or a feed. Nothing in
`spacereader.engine` imports this package: the engine never touches a file or the network.
"""

import asyncio

import aiohttp
from aiohttp import web


async def hello(request):
    return web.Response(text="Hello from aiohttp")


async def square(request):
    n = int(request.match_info["n"])
    return web.json_response({"n": n, "square": n * n})


def make_app():
    app = web.Application()
    app.router.add_get("/", hello)
    app.router.add_get(r"/square/{n:\d+}", square)  # digits only
    return app


async def main():
    runner = web.AppRunner(make_app())
    await runner.setup()
    # Port 0: the OS picks a free port.
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    print(f"Serving on http://{host}:{port}")
    try:
        async with aiohttp.ClientSession(
            base_url=f"http://{host}:{port}"
        ) as session:
            async with session.get("/") as resp:
                print(resp.status, resp.content_type, await resp.text())
            async with session.get("/square/12") as resp:
                data = await resp.json()
                print(resp.status, resp.content_type, data)
                print(f"{data['n']} squared is {data['square']}")
    finally:
        await runner.cleanup()
    print("Server stopped")


if __name__ == "__main__":
    asyncio.run(main())

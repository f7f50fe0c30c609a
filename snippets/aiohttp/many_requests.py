import asyncio
import time

import aiohttp
from aiohttp import web

REQUESTS = 10
LIMIT = 5  # requests in flight at once
DELAY = 0.2  # seconds the server takes for each request

in_flight = 0
most_in_flight = 0


async def work(request):
    global in_flight, most_in_flight
    in_flight += 1
    most_in_flight = max(most_in_flight, in_flight)
    # Stands for a slow database or upstream service.
    await asyncio.sleep(DELAY)
    in_flight -= 1
    return web.json_response({"n": int(request.match_info["n"])})


async def fetch(session, limit, n):
    async with limit:  # at most LIMIT coroutines get past this line at once
        async with session.get(f"/work/{n}") as resp:
            data = await resp.json()
            return data["n"]


async def main():
    app = web.Application()
    app.router.add_get("/work/{n}", work)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    try:
        limit = asyncio.Semaphore(LIMIT)
        async with aiohttp.ClientSession(
            base_url=f"http://{host}:{port}"
        ) as session:
            start = time.perf_counter()
            results = await asyncio.gather(
                *(fetch(session, limit, n) for n in range(REQUESTS))
            )
            elapsed = time.perf_counter() - start
    finally:
        await runner.cleanup()
    print(f"Answers in request order: {results == list(range(REQUESTS))}")
    print(f"Most requests the server handled at once: {most_in_flight}")
    print(f"Took {elapsed:.2f} s")
    print(f"One after another they would take {REQUESTS * DELAY:.1f} s")
    print(f"Took less than half of that: {elapsed < REQUESTS * DELAY / 2}")


if __name__ == "__main__":
    asyncio.run(main())

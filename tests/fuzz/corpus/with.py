async def g():
    async with (a as b, c):
        await d
    async for x in y:
        yield x

x: int
(y): str = 'a'
a.b: int = 1

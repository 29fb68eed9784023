import DSL
import Engine

print("evs")

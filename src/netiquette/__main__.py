from netiquette.cli import run

run()

from juwei.cli import main

main()

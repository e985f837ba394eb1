# not generated

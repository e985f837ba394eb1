mkdir -p out
echo mine > out/notes.txt

# models-val-accuracy-wall-time-austen-charlm-max-chars-6-a964eb82: validation accuracy against wall time; lines are means over seeds, bands span min to max
# Render from this folder with: gnuplot -c models-val-accuracy-wall-time-austen-charlm-max-chars-6-a964eb82.gp 'TITLE'
# Labels come from models-val-accuracy-wall-time-austen-charlm-max-chars-6-a964eb82.dat and the title from ARG1; neither is parsed as code.
title = (ARGC >= 1) ? ARG1 : ''
datafile = 'models-val-accuracy-wall-time-austen-charlm-max-chars-6-a964eb82.dat'
set terminal pngcairo noenhanced size 900,556 font 'Sans,10'
set output 'models-val-accuracy-wall-time-austen-charlm-max-chars-6-a964eb82.png'
set title title noenhanced
set grid lc rgb '#d0d0d0'
set key below left Left reverse maxcols 2 samplen 3 spacing 1.1
set xlabel 'wall time (s)'
set ylabel 'validation accuracy'
set border 3
set tics nomirror
set xrange [0:*]
N = 2
plot for [i=0:N-1] datafile index i using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lc 1+i%8 notitle, \
     for [i=0:N-1] datafile index i using 1:2 with linespoints pi 1 ps 0.7 lw 1.5 lc 1+i%8 dt 1+(i/8)%5 title columnheader(2)
set terminal svg noenhanced size 900,556 font 'Sans,10' background rgb '#ffffff'
set output 'models-val-accuracy-wall-time-austen-charlm-max-chars-6-a964eb82.svg'
replot
set output

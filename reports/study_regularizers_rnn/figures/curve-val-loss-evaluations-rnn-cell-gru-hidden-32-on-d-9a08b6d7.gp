# curve-val-loss-evaluations-rnn-cell-gru-hidden-32-on-d-9a08b6d7: validation loss against evaluations; lines are means over seeds, bands span min to max
# Render from this folder with: gnuplot -c curve-val-loss-evaluations-rnn-cell-gru-hidden-32-on-d-9a08b6d7.gp 'TITLE'
# Labels come from curve-val-loss-evaluations-rnn-cell-gru-hidden-32-on-d-9a08b6d7.dat and the title from ARG1; neither is parsed as code.
title = (ARGC >= 1) ? ARG1 : ''
datafile = 'curve-val-loss-evaluations-rnn-cell-gru-hidden-32-on-d-9a08b6d7.dat'
set terminal pngcairo noenhanced size 900,610 font 'Sans,10'
set output 'curve-val-loss-evaluations-rnn-cell-gru-hidden-32-on-d-9a08b6d7.png'
set title title noenhanced
set grid lc rgb '#d0d0d0'
set key below left Left reverse maxcols 2 samplen 3 spacing 1.1
set xlabel 'evaluations (f + g + Hv, cumulative)'
set ylabel 'validation loss (log scale)'
set border 3
set tics nomirror
set logscale y
set format y '%g'
set xrange [0:*]
N = 5
plot for [i=0:N-1] datafile index i using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lc 1+i%8 notitle, \
     for [i=0:N-1] datafile index i using 1:2 with linespoints pi 3 ps 0.7 lw 1.5 lc 1+i%8 dt 1+(i/8)%5 title columnheader(2)
set terminal svg noenhanced size 900,610 font 'Sans,10' background rgb '#ffffff'
set output 'curve-val-loss-evaluations-rnn-cell-gru-hidden-32-on-d-9a08b6d7.svg'
replot
set output
